# match: EVT001
import eventlet
# match: EVT001
from eventlet import pools, db_pool
# match: EVT250, EVH101
pool = eventlet.GreenPool(100)
# ok: EVT250
pool.waitall()
# match: EVT251
pile = eventlet.GreenPile(pool)
# ok: EVT250, EVT251
results = list(pile)
# match: EVT252
class ConnectionPool(pools.Pool):
    def create(self):
        return connect()
# match: EVT253
conns = db_pool.ConnectionPool(MySQLdb, host='db', max_size=10)
# ok: EVT252, EVT253
conns = sqlalchemy.pool.QueuePool(connect)
