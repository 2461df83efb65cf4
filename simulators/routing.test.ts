import { getResponse, HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { candidateHandlers } from "./routing.js";

const text = (t: string) => () => HttpResponse.text(t);

describe("candidateHandlers", () => {
  const handlers = [
    http.post("*/ssbtek", text("ssbtek")),
    http.get("*/ssbtek", text("wsdl")),
    http.all("*/af/v2", () => undefined), // a layer that passes the request on
    http.all("*/af/v2/*", text("af sub-path")),
    http.post("*/af/v2", text("af")),
    http.post("*/fk/aktorer/:aktorsId/fraga", ({ params }) =>
      HttpResponse.text(`fk ${String(params.aktorsId)}`),
    ),
    http.post(/\/regexp$/, text("regexp")),
  ];
  const req = (method: string, url: string) =>
    new Request(url, { method, ...(method === "GET" || method === "HEAD" ? {} : { body: "x" }) });

  it("keeps only the handlers msw could match, in list order, plus those it cannot pre-judge", () => {
    const kept = candidateHandlers(handlers, req("POST", "http://h:1/af/v2"));
    expect(kept).toEqual([handlers[2], handlers[4], handlers[6]]);
    expect(candidateHandlers(handlers, req("GET", "http://h:1/ssbtek?wsdl"))).toEqual([
      handlers[1],
      handlers[6],
    ]);
    expect(candidateHandlers(handlers, req("POST", "http://h:1/nowhere"))).toEqual([handlers[6]]);
  });

  it.each([
    ["POST", "http://h:1/ssbtek"],
    ["GET", "http://h:1/ssbtek?wsdl"],
    ["POST", "http://h:1/af/v2"],
    ["POST", "http://h:1/af/v2/extra"],
    ["POST", "http://h:1/fk/aktorer/026-51/fraga"],
    ["POST", "http://h:1/fk/aktorer/999/fraga?x=1"],
    ["POST", "http://h:1/regexp"],
    ["DELETE", "http://h:1/af/v2"],
    ["POST", "http://h:1/nowhere"],
  ])("gives msw the same answer as the whole list for %s %s", async (method, url) => {
    const whole = await getResponse(handlers, req(method, url));
    const some = await getResponse(candidateHandlers(handlers, req(method, url)), req(method, url));
    expect(some?.status).toBe(whole?.status);
    expect(await some?.text()).toBe(await whole?.text());
  });

  it("notices a handler list changed in place", () => {
    const list = [http.post("*/a", text("a"))];
    expect(candidateHandlers(list, req("POST", "http://h/b"))).toEqual([]);
    list.splice(0, 1, http.post("*/b", text("b")));
    expect(candidateHandlers(list, req("POST", "http://h/b"))).toEqual([list[0]]);
  });
});
