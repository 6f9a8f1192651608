from hazard_service import b


def run():
    b.start()
