# match: EVT001
import eventlet


def _patch():
    import chain_b
    # match: EVT100, EVH300
    eventlet.monkey_patch()
    import chain_a


# match: EVT100
_patch()
