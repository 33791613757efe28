# Workshop (Python)
[task.cancel() for task in tasks]
# Out[41]: [True, True]
