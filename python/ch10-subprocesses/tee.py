# Workshop (Python)
async def log_stream(stream):
    while line := await stream.readline():
        logging.info(line.decode('utf-8'))

proc = await asyncio.create_subprocess_shell(
    "tee --",
    stdin=asyncio.subprocess.PIPE,
    stdout=asyncio.subprocess.PIPE,
)
logger = loop.create_task(log_stream(proc.stdout))

proc.stdin.write(b"Hello\n")
proc.stdin.write(b"World\n")
