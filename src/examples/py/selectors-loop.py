import selectors
import socket

selector = selectors.DefaultSelector()
pages = {}


def fetch(path):
    """A generator that yields (socket, event) whenever it must wait."""
    sock = socket.socket()
    sock.setblocking(False)
    try:
        sock.connect(("news.example.com", 80))
    except BlockingIOError:
        pass
    yield sock, selectors.EVENT_WRITE  # wait until connected
    sock.send(f"GET {path} HTTP/1.0\r\nHost: news.example.com\r\n\r\n".encode())
    reply = b""
    while True:
        yield sock, selectors.EVENT_READ  # wait until data arrives
        chunk = sock.recv(4096)
        if not chunk:
            break
        reply += chunk
    sock.close()
    pages[path] = reply.split(b"\r\n")[0].decode()


def step(gen):
    """Run a job to its next yield and register what it waits for."""
    try:
        sock, event = next(gen)
    except StopIteration:
        return
    selector.register(sock, event, gen)


for path in ("/", "/sport", "/weather"):
    step(fetch(path))

# The event loop: wait for any ready socket, resume the job waiting on it.
while selector.get_map():
    for key, _ in selector.select():
        selector.unregister(key.fileobj)
        step(key.data)

for path in sorted(pages):
    print(path, "->", pages[path])
