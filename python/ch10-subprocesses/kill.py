# Workshop (Python)
logger.cancel()
proc.terminate()
