import chain_a
# match: EVT001
import eventlet

# match: EVT100, EVH300
eventlet.monkey_patch()
