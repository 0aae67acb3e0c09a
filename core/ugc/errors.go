package ugc

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// The classes of failure a caller acts on. Every error the client returns
// wraps exactly one of them (or a context error when the caller gave up).
var (
	// ErrUnauthorized: the service refused the API key (HTTP 401/403).
	ErrUnauthorized = errors.New("the API key was refused")
	// ErrKeyFormat: the key cannot be a Move API key; nothing was sent.
	ErrKeyFormat = errors.New("the API key is too short to be a Move API key")
	// ErrNotFound: the file, take or job does not exist for this account.
	ErrNotFound = errors.New("not found")
	// ErrInvalidInput: the service rejected the request's values; the
	// APIError's Message says why, in the service's words.
	ErrInvalidInput = errors.New("the service rejected the request")
	// ErrUnavailable: the network or the service failed for now (no
	// connection, timeout, HTTP 429 or 5xx). Retried before it is returned.
	ErrUnavailable = errors.New("the service is unavailable for now")
	// ErrUnexpected: any other failure, such as an answer the client does
	// not understand.
	ErrUnexpected = errors.New("unexpected answer from the service")
)

// APIError describes one failed operation. It never holds the API key.
type APIError struct {
	Op        string // the GraphQL operation, e.g. "getJob"
	Kind      error  // one of the Err* classes above
	Status    int    // HTTP status when it was not 200, else 0
	ErrorType string // AppSync's errorType, when the service gave one
	Message   string // the service's own message, when it gave one
	// MayHaveApplied is set when a mutation failed in a way that may still
	// have reached the service (a timeout or reset after sending): the
	// caller must look before repeating something that costs money.
	MayHaveApplied bool
	// RetryAfter is the wait the service asked for before the next try
	// (HTTP 429's Retry-After), at most MaxRetryAfter; 0 when it asked none.
	RetryAfter time.Duration
	Err        error // the underlying network error, if any
}

func (e *APIError) Error() string {
	msg := e.Op + ": " + e.Kind.Error()
	if e.Status != 0 {
		msg += fmt.Sprintf(" (HTTP %d %s)", e.Status, http.StatusText(e.Status))
	}
	if e.Message != "" {
		msg += ": " + e.Message
	} else if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap lets errors.Is match both the class and the underlying error.
func (e *APIError) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// EndpointError: the endpoint cannot be used; Reason says why, in words a
// person acts on. Nothing was sent.
type EndpointError struct{ Reason string }

func (e *EndpointError) Error() string { return e.Reason }
