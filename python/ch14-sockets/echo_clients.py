# For comparison (not from the workshop): asyncio's streams
async def echo(reader, writer):
    while line := await reader.readline():
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def client(port, lines):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for line in lines:
        writer.write(line.encode() + b"\n")
        await writer.drain()
        replies.append((await reader.readline()).decode())
    writer.close()
    await writer.wait_closed()
    return replies

server = await asyncio.start_server(echo, "127.0.0.1", 0)
port = server.sockets[0].getsockname()[1]
print(await asyncio.gather(client(port, ["Hello", "World"]), client(port, ["ping"])))
