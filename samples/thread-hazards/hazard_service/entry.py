"""Process start: imports a module that imports threading, then patches."""
import hazard_service.a

import eventlet

eventlet.monkey_patch()


def main():
    hazard_service.a.run()
