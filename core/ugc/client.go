// Package ugc is a typed client for Move AI's UGC GraphQL API: one method per
// call the app needs, errors sorted into the few classes a caller acts on,
// transient failures retried with capped, jittered backoff.
//
// It uses hasura/go-graphql-client in two ways. The plain reads (client,
// getFile, getTake, getJob, listJobs) are the library's typed queries: it
// writes the document from a struct's tags and decodes into it (reads.go).
// The mutations stay hand-written documents sent with ExecRaw (documents.go)
// and decoded with encoding/json: the library names a variable's type after
// its Go type, and their inputs are nested lists and objects (SourceInput,
// OptionsInput with only the options the user set, [OutputType]) whose
// documents are clearer to review as text, and createSingleCamJob costs money,
// so the exact document it sends is kept where a reader can see it.
//
// One part of AppSync's error shape needs help either way: it puts each
// error's errorType beside the message, where the library's Error type (which
// keeps only message, path, locations and extensions) would drop it. The
// HTTP adapter (appsync.go) moves it into extensions before the library
// reads the body; that is why an answer with errors is re-encoded there.
package ugc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	graphql "github.com/hasura/go-graphql-client"

	"singlecam/core/backoff"
)

// DefaultEndpoint is the production GraphQL endpoint.
const DefaultEndpoint = "https://api.move.ai/ugc/graphql"

// EndpointEnv names the environment variable that overrides the endpoint,
// as in Move's official SDKs.
const EndpointEnv = "MOVE_UGC_ENDPOINT_URL"

// MinKeyLength is the shortest key the official SDK sends.
const MinKeyLength = 12

// Retry is how transient failures are retried.
type Retry = backoff.Policy

// DefaultRetry rides out a blip of a few seconds to half a minute.
var DefaultRetry = Retry{Attempts: 5, BaseDelay: 500 * time.Millisecond, MaxDelay: 15 * time.Second}

// Config sets up a Client. Only Key is required.
type Config struct {
	Key        string
	Endpoint   string       // empty: $MOVE_UGC_ENDPOINT_URL, else DefaultEndpoint
	HTTPClient *http.Client // empty: a client with a 60 s timeout per request
	Retry      Retry        // zero: DefaultRetry
	// Wait waits between tries; nil: backoff.Sleep. Tests record the waits.
	Wait func(ctx context.Context, d time.Duration) error
}

// Client calls the Move UGC API. It is safe for concurrent use.
type Client struct {
	endpoint string
	key      string
	gql      *graphql.Client
	retry    Retry
	wait     func(ctx context.Context, d time.Duration) error
}

// New checks the configuration and returns a client. Nothing is sent.
func New(cfg Config) (*Client, error) {
	key := strings.TrimSpace(cfg.Key)
	if len(key) < MinKeyLength {
		return nil, ErrKeyFormat
	}
	endpoint := cfg.Endpoint
	if endpoint == "" {
		endpoint = EndpointFromEnv()
	}
	if err := CheckEndpoint(endpoint); err != nil {
		return nil, err
	}
	httpClient := cfg.HTTPClient
	if httpClient == nil {
		httpClient = &http.Client{Timeout: 60 * time.Second}
	}
	retry := cfg.Retry
	if retry == (Retry{}) {
		retry = DefaultRetry
	}
	retry.Attempts = max(retry.Attempts, 1)
	wait := cfg.Wait
	if wait == nil {
		wait = backoff.Sleep
	}
	doer := &appSyncDoer{http: httpClient, key: key}
	return &Client{endpoint: endpoint, key: key, gql: graphql.NewClient(endpoint, doer), retry: retry, wait: wait}, nil
}

// EndpointFromEnv is $MOVE_UGC_ENDPOINT_URL, else DefaultEndpoint.
func EndpointFromEnv() string {
	if e := strings.TrimSpace(os.Getenv(EndpointEnv)); e != "" {
		return e
	}
	return DefaultEndpoint
}

// CheckEndpoint accepts https URLs, and plain http only to this machine
// (the simulator): elsewhere the key would cross the network in clear text.
func CheckEndpoint(endpoint string) error {
	u, err := url.Parse(endpoint)
	if err != nil || u.Host == "" {
		return &EndpointError{Reason: fmt.Sprintf("the API endpoint %q is not a URL", endpoint)}
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		if isLoopback(u.Hostname()) {
			return nil
		}
		return &EndpointError{Reason: fmt.Sprintf("the API endpoint %s uses plain http to another machine; use https so the API key is not sent in clear text", u.Redacted())}
	}
	return &EndpointError{Reason: fmt.Sprintf("the API endpoint %q must start with https://", endpoint)}
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Endpoint is the GraphQL URL this client talks to.
func (c *Client) Endpoint() string { return c.endpoint }

// do runs one hand-written operation, retrying transient failures as op
// allows, and decodes the root field's value into out.
func (c *Client) do(ctx context.Context, op operation, vars map[string]any, out any) error {
	return c.retrying(ctx, op, func() error {
		data, err := c.gql.ExecRaw(ctx, op.doc, vars, graphql.OperationName(op.name))
		if err != nil {
			return err
		}
		return c.decode(op, data, out)
	})
}

// retrying calls send until it succeeds, fails for good, or the retry policy
// (and op's idempotence) says stop. An *APIError from send is final; any
// other error is the GraphQL client's, sorted by classify.
func (c *Client) retrying(ctx context.Context, op operation, send func() error) error {
	for attempt := 1; ; attempt++ {
		err := send()
		if err == nil {
			return nil
		}
		if final := (*APIError)(nil); errors.As(err, &final) {
			return err
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return fmt.Errorf("%s: %w", op.name, ctxErr)
		}
		apiErr := c.classify(op, err)
		if !errors.Is(apiErr, ErrUnavailable) || attempt >= c.retry.Attempts || (apiErr.MayHaveApplied && !op.idempotent) {
			return apiErr
		}
		// The service's own Retry-After, when it gave one, over our backoff.
		if err := c.wait(ctx, max(c.retry.Delay(attempt), apiErr.RetryAfter)); err != nil {
			return fmt.Errorf("%s: %w", op.name, err)
		}
	}
}

func (c *Client) decode(op operation, data []byte, out any) error {
	var root map[string]json.RawMessage
	// An answer that cannot be read came after the service got the call: it
	// may have done its work, so a paid call is looked for, never repeated.
	if err := json.Unmarshal(data, &root); err != nil {
		return &APIError{Op: op.name, Kind: ErrUnexpected, Message: "the answer is not valid JSON", MayHaveApplied: true}
	}
	field, ok := root[op.name]
	if !ok || string(field) == "null" {
		return missingRoot(op)
	}
	if err := json.Unmarshal(field, out); err != nil {
		return &APIError{Op: op.name, Kind: ErrUnexpected, Message: unexpectedShape + err.Error(), MayHaveApplied: true}
	}
	return nil
}

// unexpectedShape starts the message of an answer that does not decode.
const unexpectedShape = "the answer does not have the expected shape: "

// missingRoot is the error for an answer without errors whose root field is
// null or absent.
func missingRoot(op operation) *APIError {
	return &APIError{Op: op.name, Kind: ErrUnexpected, Message: "the answer holds no " + op.name}
}

// classify turns whatever the GraphQL client returned into an APIError.
func (c *Client) classify(op operation, err error) *APIError {
	e := &APIError{Op: op.name, Kind: ErrUnexpected}
	var gqlErrs graphql.Errors
	if !errors.As(err, &gqlErrs) || len(gqlErrs) == 0 {
		e.Err = err
		return c.redacted(e)
	}
	first := gqlErrs[0]
	var netErr graphql.NetworkError
	var statusErr *statusError
	switch {
	case errors.As(first.Unwrap(), &statusErr):
		e.Status, e.RetryAfter = statusErr.status, statusErr.retryAfter
		e.Kind = kindOfStatus(e.Status)
		e.ErrorType, e.Message = appSyncErrorOf(statusErr.body)
		// A 429 was turned away before any work; a 5xx may have done some.
		e.MayHaveApplied = e.Status >= 500
	case errors.As(first.Unwrap(), &netErr):
		e.Status = netErr.StatusCode()
		e.Kind = kindOfStatus(e.Status)
		e.ErrorType, e.Message = appSyncErrorOf(netErr.Body())
		// A 429 was turned away before any work; a 5xx may have done some.
		e.MayHaveApplied = e.Status >= 500
	case first.Extensions["code"] == graphql.ErrRequestError:
		e.Kind, e.Err = ErrUnavailable, first.Unwrap()
		e.MayHaveApplied = !neverSent(e.Err)
	case first.Extensions["code"] == graphql.ErrGraphQLDecode:
		e.Message = unexpectedShape + first.Message // a typed read's answer
	case first.Extensions["code"] == graphql.ErrJsonDecode:
		// The service answered but the answer cannot be read (cut short on
		// the way): like a lost answer, the call may have done its work.
		e.Message = "the answer could not be read: " + first.Message
		e.MayHaveApplied = true
	case first.Extensions["code"] != nil:
		e.Message = first.Message // a decoding failure on our side
	default:
		e.ErrorType, _ = first.Extensions[errorTypeExtension].(string)
		e.Message = first.Message
		e.Kind = kindOfErrorType(e.ErrorType, len(first.Path) == 0)
	}
	return c.redacted(e)
}

// redacted makes sure no part of the error repeats the API key, whatever a
// server or proxy put in its message.
func (c *Client) redacted(e *APIError) *APIError {
	if c.key != "" && strings.Contains(e.Message, c.key) {
		e.Message = strings.ReplaceAll(e.Message, c.key, "[redacted]")
	}
	if e.Err != nil && c.key != "" && strings.Contains(e.Err.Error(), c.key) {
		e.Err = errors.New(strings.ReplaceAll(e.Err.Error(), c.key, "[redacted]"))
	}
	return e
}

func kindOfStatus(status int) error {
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return ErrUnauthorized
	case status == http.StatusTooManyRequests || status >= 500 || status == http.StatusRequestTimeout:
		return ErrUnavailable
	case status == http.StatusNotFound:
		return ErrNotFound
	}
	return ErrUnexpected
}

// kindOfErrorType sorts AppSync error types. Errors without a path concern
// the whole document or its variables: invalid input, whatever their type.
func kindOfErrorType(errorType string, documentLevel bool) error {
	t := strings.ToLower(errorType)
	switch {
	case strings.Contains(t, "notfound"):
		return ErrNotFound
	case strings.Contains(t, "unauthorized"), strings.Contains(t, "accessdenied"), strings.Contains(t, "forbidden"):
		return ErrUnauthorized
	case strings.Contains(t, "throttl"), strings.Contains(t, "toomanyrequests"), strings.Contains(t, "timeout"),
		strings.Contains(t, "unavailable"), strings.Contains(t, "internalfailure"):
		return ErrUnavailable
	case strings.Contains(t, "validation"), strings.Contains(t, "badrequest"), strings.Contains(t, "invalid"),
		documentLevel:
		return ErrInvalidInput
	}
	return ErrUnexpected
}

// appSyncErrorOf reads the errorType and message from an error body, if it
// is AppSync's JSON; other bodies (an HTML error page) give nothing.
func appSyncErrorOf(body string) (errorType, message string) {
	var parsed struct {
		Errors []struct {
			ErrorType string `json:"errorType"`
			Message   string `json:"message"`
		} `json:"errors"`
	}
	if json.Unmarshal([]byte(body), &parsed) != nil || len(parsed.Errors) == 0 {
		return "", ""
	}
	return parsed.Errors[0].ErrorType, parsed.Errors[0].Message
}

// neverSent reports whether a transport error happened before the request
// could reach the service (no connection was made), so repeating it is safe.
func neverSent(err error) bool {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	var dnsErr *net.DNSError
	return errors.As(err, &dnsErr)
}
