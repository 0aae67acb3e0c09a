package ugc

import (
	"encoding/json"
	"testing"
)

// The client reads whatever a server or proxy sends back; none of it may
// make it panic, and a body it rewrites must stay valid JSON.

func FuzzLiftErrorTypes(f *testing.F) {
	f.Add([]byte(`{"data":null,"errors":[{"errorType":"MoveNotFoundError","message":"x","path":["getJob"]}]}`))
	f.Add([]byte(`{"errors":[{"errorType":7,"extensions":"no"}]}`))
	f.Add([]byte(`{"errors":null}`))
	f.Add([]byte(`<html>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		out := liftErrorTypes(body)
		if json.Valid(body) && !json.Valid(out) {
			t.Fatalf("valid JSON %q became invalid %q", body, out)
		}
	})
}

func FuzzAppSyncErrorOf(f *testing.F) {
	f.Add(`{"errors":[{"errorType":"UnauthorizedException","message":"no"}]}`)
	f.Add(`{"errors":[]}`)
	f.Fuzz(func(t *testing.T, body string) {
		_, _ = appSyncErrorOf(body)
	})
}

func FuzzWireJob(f *testing.F) {
	f.Add([]byte(`{"id":"job-1","state":"NOT STARTED","progress":{"state":"RUNNING","percentageComplete":5},"outputs":[null,{"format":null,"key":"k","file":{"id":"f"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var w wireJob
		if json.Unmarshal(data, &w) == nil {
			_ = w.job()
		}
	})
}
