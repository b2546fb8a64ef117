"""The Python `openai` SDK against a running `persona serve` (its URL is argv[1]).

Lists and retrieves models, a chat completion, a streamed one, and the Responses API
(create, stream, previous_response_id on a saved response). Prints "ok" and exits 0 when
every check passes; an assertion error or an SDK exception exits non-zero with the reason.
"""
import sys

from openai import OpenAI

client = OpenAI(api_key="not-needed", base_url=sys.argv[1] + "/v1", max_retries=0, timeout=15)

ids = [m.id for m in client.models.list().data]
assert "cfo" in ids, ids
assert client.models.retrieve("cfo").id == "cfo"

completion = client.chat.completions.create(model="cfo", messages=[{"role": "user", "content": "What worries you?"}])
assert len(completion.choices[0].message.content) > 10
assert completion.choices[0].finish_reason == "stop"

streamed = ""
for chunk in client.chat.completions.create(
    model="cfo", messages=[{"role": "user", "content": "Tell me about your week."}], stream=True
):
    if chunk.choices and chunk.choices[0].delta.content:
        streamed += chunk.choices[0].delta.content
assert len(streamed) > 10, streamed

capped = client.chat.completions.create(
    model="cfo", messages=[{"role": "user", "content": "Describe your whole career."}], max_tokens=5
)
assert capped.choices[0].finish_reason == "length", capped.choices[0].finish_reason

response = client.responses.create(model="cfo", input="How do you judge a new vendor?")
assert response.status == "completed" and len(response.output_text) > 10

types = []
for event in client.responses.create(model="cfo", input="What do you do on Mondays?", stream=True):
    types.append(event.type)
assert types[0] == "response.created" and types[-1] == "response.completed", types

first = client.responses.create(model="cfo", input="My name is Dana.", store=True)
second = client.responses.create(model="cfo", input="What is my plan?", previous_response_id=first.id)
assert second.previous_response_id == first.id and len(second.output_text) > 10

print("ok")
