package ugc

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

// errorTypeExtension is where appSyncDoer puts AppSync's errorType.
const errorTypeExtension = "errorType"

// maxResponse bounds a GraphQL answer read into memory.
const maxResponse = 32 << 20

// appSyncDoer adapts AppSync to the GraphQL client: it sends the key the way
// Move's service wants it (the raw key in the authorization header, no
// "Bearer"), and it copies each error's top-level errorType into its
// extensions, where the GraphQL client keeps it (it drops unknown fields).
type appSyncDoer struct {
	http *http.Client
	key  string
}

func (d *appSyncDoer) Do(req *http.Request) (*http.Response, error) {
	req.Header.Set("Authorization", d.key)
	resp, err := d.http.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		return resp, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	resp.Body.Close()
	if err != nil {
		return nil, err // cut mid-answer: a transport failure like any other
	}
	resp.Body = io.NopCloser(bytes.NewReader(liftErrorTypes(body)))
	return resp, nil
}

// liftErrorTypes rewrites errors[i].errorType into errors[i].extensions; any
// body it cannot read is passed on unchanged.
func liftErrorTypes(body []byte) []byte {
	var doc map[string]json.RawMessage
	if json.Unmarshal(body, &doc) != nil || doc["errors"] == nil {
		return body
	}
	var errs []map[string]any
	if json.Unmarshal(doc["errors"], &errs) != nil {
		return body
	}
	for _, e := range errs {
		errorType, ok := e["errorType"].(string)
		if !ok {
			continue
		}
		ext, _ := e["extensions"].(map[string]any)
		if ext == nil {
			ext = map[string]any{}
		}
		ext[errorTypeExtension] = errorType
		e["extensions"] = ext
	}
	rewritten, err := json.Marshal(errs)
	if err != nil {
		return body
	}
	doc["errors"] = rewritten
	out, err := json.Marshal(doc)
	if err != nil {
		return body
	}
	return out
}
