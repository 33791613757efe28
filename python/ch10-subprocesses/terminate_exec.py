# Not from the workshop: `terminate()` on `tee` started without a shell
proc = await asyncio.create_subprocess_exec(
    "tee", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE
)
proc.terminate()
print(f"proc.wait() returned {await proc.wait()}")
