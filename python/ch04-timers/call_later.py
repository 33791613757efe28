# Workshop (Python)
# See also: loop.call_at
# See also: setTimeout(function, delay) in JavaScript
loop.call_later(1, lambda: print("Hello World"))
# Out: <TimerHandle when=22.926138333 <lambda>() at <ipython-input-16-91b2edc10bc5>:3>
# and a second later: Hello World
