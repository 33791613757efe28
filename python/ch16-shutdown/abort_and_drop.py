# Not run: the last cell of chapter 11's run, which runs there
# Workshop (Python)
[task.cancel() for task in tasks]
# Out[41]: [True, True]
