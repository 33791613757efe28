# Workshop (Python)
def hello():
    logging.info("Hello")
    time.sleep(1) # Blocking "I/O" call
    logging.info("World")

hello()
hello()
