#!/usr/bin/env python3
"""Console entry point."""
import sys


def main():
    import eventlet.patcher
    eventlet.patcher.monkey_patch(os=False)

    from green_service import worker
    worker.Worker().start(int(sys.argv[1]) if len(sys.argv) > 1 else 4)


if __name__ == "__main__":
    main()
