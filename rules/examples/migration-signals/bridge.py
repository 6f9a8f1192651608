# match: EVT001
import eventlet.hubs
# match: EVT001
from eventlet import hubs
# match: EVT551
eventlet.hubs.use_hub("asyncio")
# match: EVT551
hubs.use_hub("eventlet.hubs.asyncio")
# match: EVT550
# ok: EVT551
hubs.use_hub("poll")
# match: EVT550
hubs.use_hub()
# ok: EVT551
asyncio.run(main())
