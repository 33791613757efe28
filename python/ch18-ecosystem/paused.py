# Not run: a sketch of a pytest-asyncio test; remind_after is not defined
# For comparison (not from the workshop)
@pytest.mark.asyncio
async def test_the_reminder_says_what_to_do():
    assert await remind_after(0, "stretch") == "Reminder: stretch"
