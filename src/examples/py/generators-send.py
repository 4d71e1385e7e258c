def counter():
    print("  counter starts")
    total = 0
    while True:
        received = yield total  # pause here; send() resumes with a value
        total += received
        print(f"  counter got {received}, total {total}")


gen = counter()
print("made a generator; nothing ran yet")
print("first next() runs to the first yield:", next(gen))
print("send(5) ->", gen.send(5))
print("send(10) ->", gen.send(10))


# yield from passes send() through to an inner generator, like await does.
def wrapper():
    yield from counter()


outer = wrapper()
next(outer)
print("send(3) through yield from ->", outer.send(3))


# A toy scheduler: each job yields to give the others a turn.
def job(name, steps):
    for n in range(steps):
        print(f"{name} step {n}")
        yield


ready = [job("a", 2), job("b", 3)]
while ready:
    current = ready.pop(0)
    try:
        next(current)
        ready.append(current)
    except StopIteration:
        print("a job finished")
