# Workshop (Python)
async def log_stream(stream):
    while line := await stream.readline():
        logging.info(line.decode('utf-8'))
