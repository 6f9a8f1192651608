"""A service that patches the whole process as soon as it is imported."""
import eventlet

eventlet.monkey_patch()
