import { describe, expect, it } from "vitest";
import { readBodyCapped } from "./read-body";

function streamOf(chunks: Uint8Array[], onPull: () => void) {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull();
      const chunk = chunks[index];
      index += 1;
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

const post = (body: BodyInit | null) =>
  new Request("http://localhost/", {
    method: "POST",
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  });

describe("readBodyCapped", () => {
  it("returns the bytes exactly, not decoded text", async () => {
    const bytes = Uint8Array.from([0xff, 0x00, 0xc3, 0xa9, 0x7b]);
    expect([...(await readBodyCapped(post(bytes), 100))]).toEqual([...bytes]);
  });

  it("returns an empty buffer for a request without a body", async () => {
    expect((await readBodyCapped(new Request("http://localhost/", { method: "POST" }), 10)).length).toBe(0);
  });

  it("keeps a body of exactly the limit", async () => {
    expect((await readBodyCapped(post("x".repeat(10)), 10)).length).toBe(10);
  });

  it("stops reading once the body is over the limit and returns limit + 1 bytes", async () => {
    let pulls = 0;
    const chunk = new Uint8Array(1000).fill(0x61);
    const body = streamOf(
      Array.from({ length: 100 }, () => chunk),
      () => {
        pulls += 1;
      },
    );
    const result = await readBodyCapped(post(body), 2500);
    expect(result.length).toBe(2501);
    expect(pulls).toBeLessThan(10);
  });
});
