# Not run: the same cell as chapter 10's first, which runs there
# Workshop (Python)
async def log_stream(stream):
    while line := await stream.readline():
        logging.info(line.decode('utf-8'))
