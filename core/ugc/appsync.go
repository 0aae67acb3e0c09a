package ugc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// errorTypeExtension is where appSyncDoer puts AppSync's errorType.
const errorTypeExtension = "errorType"

// maxResponse bounds a GraphQL answer read into memory.
const maxResponse = 32 << 20

// maxErrorBody bounds how much of a failed call's body is read: enough for
// AppSync's JSON errors, not for a proxy's error page of any size.
const maxErrorBody = 8 << 10

// MaxRetryAfter bounds the wait a Retry-After header can ask for.
const MaxRetryAfter = 2 * time.Minute

// statusError is a call answered with an HTTP status other than 2xx: its
// body's first few kB and the wait the service asked for.
type statusError struct {
	status     int
	body       string
	retryAfter time.Duration
}

func (e *statusError) Error() string {
	return fmt.Sprintf("HTTP %d %s", e.status, http.StatusText(e.status))
}

// retryAfter reads a Retry-After header, in seconds or as an HTTP date,
// bounded by MaxRetryAfter; an absent or unreadable one gives 0.
func retryAfter(header string, now time.Time) time.Duration {
	header = strings.TrimSpace(header)
	if header == "" {
		return 0
	}
	var wait time.Duration
	if secs, err := strconv.ParseInt(header, 10, 64); err == nil {
		wait = time.Duration(min(max(secs, 0), int64(MaxRetryAfter/time.Second))) * time.Second
	} else if at, err := http.ParseTime(header); err == nil {
		wait = at.Sub(now)
	}
	return min(max(wait, 0), MaxRetryAfter)
}

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
	if err != nil {
		return resp, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// Closed without draining: the rest of a huge page is never read.
		body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		resp.Body.Close()
		return nil, &statusError{status: resp.StatusCode, body: string(body),
			retryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	if resp.StatusCode != http.StatusOK {
		return resp, nil
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
