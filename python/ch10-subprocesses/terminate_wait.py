# Not from the workshop: what the workshop's `terminate()` leaves behind
import os
import subprocess

try:
    await asyncio.wait_for(proc.wait(), 2)
    print(f"proc.wait() returned {proc.returncode}")
except TimeoutError:
    print(f"proc.wait() has not returned after 2 s; proc.returncode is {proc.returncode}")

# `tee`, found by name among the processes of this program's process group
found = subprocess.run(["pgrep", "-g", str(os.getpgid(0)), "-x", "tee"],
                       capture_output=True, text=True).stdout.split()
print(f"tee processes still running: {len(found)}")
for pid in found:
    parent = int(subprocess.run(["ps", "-o", "ppid=", "-p", pid],
                                capture_output=True, text=True).stdout)
    print(f"tee's parent is the shell that Python started: {parent == proc.pid}")

proc.stdin.close()  # end of input: tee exits by itself
await proc.wait()
print(f"after closing tee's input, proc.wait() returned {proc.returncode}")
