# match: EVT001
from eventlet.green import profile, socket, threading, subprocess, time, BaseHTTPServer, zmq, MySQLdb
# match: EVT001
from eventlet.green.urllib import request
# match: EVT001
import eventlet.green.httplib
# match: EVT500
profile.Profile().runcall(main)
# match: EVT501, EVT509
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# match: EVT501
infos = socket.getaddrinfo(host, port)
# match: EVT502
lock = threading.Lock()
# match: EVT503, EVT509
proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
# ok: EVT503
out, _ = proc.communicate()
# match: EVT504
time.sleep(1)
# match: EVT505
body = request.urlopen(url).read()
# match: EVT505
conn = eventlet.green.httplib.HTTPConnection(host)
# match: EVT506
class Handler(BaseHTTPServer.BaseHTTPRequestHandler):
    pass
# match: EVT507
ctx = zmq.Context()
# match: EVT508
db = MySQLdb.connect(host='db', user='nova')
# match: EVT509
family = socket.AF_INET
try:
    s.connect(addr)
# match: EVT509
except socket.timeout:
    pass
# ok: EVT500, EVT501, EVT502, EVT503, EVT504, EVT505, EVT506, EVT507, EVT508, EVT509
import socket as std_socket, threading as std_threading
# ok: EVT501, EVT509
s = std_socket.socket(std_socket.AF_INET)
