# Not from the workshop: what `server.close()` does to a connection already open
reader, writer = await asyncio.open_connection("127.0.0.1", port)
server.close()
await server.wait_closed()
writer.write(b"still here?\n")
await writer.drain()
print(f"the open connection, after close() and wait_closed(): {await reader.readline()}")
try:
    await asyncio.open_connection("127.0.0.1", port)
except ConnectionRefusedError as error:
    print(f"a new connection: {type(error).__name__}")
writer.close()
await writer.wait_closed()
