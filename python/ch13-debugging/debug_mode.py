# Not from the workshop: a blocking call hidden in a plain function.
import asyncio
import time


def read_settings():
    time.sleep(0.3)  # a slow disk, say
    return 640


async def make_thumbnail():
    width = read_settings() // 2
    await asyncio.sleep(0.02)  # the upload
    return width


async def download():
    parts = 0
    for _ in range(10):
        await asyncio.sleep(0.01)
        parts += 1
    return parts


async def main():
    thumbnail = asyncio.create_task(make_thumbnail())
    download_task = asyncio.create_task(download())
    width, parts = await thumbnail, await download_task
    print(f"thumbnail {width} px wide, {parts} parts downloaded")


asyncio.run(main())
