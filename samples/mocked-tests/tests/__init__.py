"""Run the unit tests green, exactly like the service runs."""
import eventlet

eventlet.monkey_patch()
