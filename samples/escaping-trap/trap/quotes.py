# "</textarea><!-- a comment that tries to close things
import eventlet as ev  # <b>bold</b> & "double" 'single' ${x}


class Handler:
    def handle(self):
        ev.sleep(0)  # </script><script>alert("sleep")</script>
        return ev.Timeout(1, '<iframe src="javascript:alert(1)">')
