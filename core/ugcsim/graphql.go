package ugcsim

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"

	gqlerrors "github.com/graph-gophers/graphql-go/errors"
)

const maxRequestBody = 1 << 20

type graphQLRequest struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
}

// appSyncError is one entry of an AppSync response's errors array (core/contract/API.md).
type appSyncError struct {
	Path      []any             `json:"path"`
	Data      any               `json:"data"`
	ErrorType string            `json:"errorType"`
	ErrorInfo any               `json:"errorInfo"`
	Locations []appSyncLocation `json:"locations"`
	Message   string            `json:"message"`
}

type appSyncLocation struct {
	Line       int     `json:"line"`
	Column     int     `json:"column"`
	SourceName *string `json:"sourceName"`
}

type appSyncResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []appSyncError  `json:"errors,omitempty"`
}

type baseURLKey struct{}

// baseURLFrom is the scheme and host that the current request was sent to,
// so that presigned URLs reach this simulator however it was addressed.
func baseURLFrom(ctx context.Context) string {
	base, _ := ctx.Value(baseURLKey{}).(string)
	return base
}

func (s *Simulator) serveGraphQL(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	time.Sleep(s.faults.delay())
	switch {
	case r.Method != http.MethodPost:
		w.Header().Set("Allow", http.MethodPost)
		writeErrorOnly(w, http.StatusMethodNotAllowed, errMalformed, "Use POST for GraphQL requests.")
		return
	case s.faults.take(&s.faults.throttleCalls):
		w.Header().Set("Retry-After", s.faults.throttleHeader())
		writeErrorOnly(w, http.StatusTooManyRequests, errThrottled, "Rate exceeded (simulated fault).")
		return
	case s.faults.take(&s.faults.failCalls):
		writeErrorOnly(w, http.StatusInternalServerError, errInternal, "An internal failure occurred (simulated fault).")
		return
	case s.serveErrorPage(w):
		return
	case s.faults.flag(&s.faults.revokedKey),
		subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), []byte(s.key)) != 1:
		writeErrorOnly(w, http.StatusUnauthorized, errUnauthorized, "You are not authorized to make this call.")
		return
	}

	var req graphQLRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxRequestBody)).Decode(&req); err != nil || req.Query == "" {
		writeErrorOnly(w, http.StatusBadRequest, errMalformed, "The request body is not a GraphQL request: it needs JSON with a \"query\".")
		return
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	ctx := context.WithValue(r.Context(), baseURLKey{}, scheme+"://"+r.Host)
	result := s.schema.Exec(ctx, req.Query, req.OperationName, req.Variables)

	out := appSyncResponse{Data: result.Data}
	if len(out.Data) == 0 {
		out.Data = json.RawMessage("null")
	}
	for _, qe := range result.Errors {
		e := toAppSync(qe)
		if len(e.Locations) == 0 {
			if loc, ok := fieldLocation(req.Query, req.OperationName, qe.Path); ok {
				e.Locations = append(e.Locations, loc)
			}
		}
		out.Errors = append(out.Errors, e)
	}
	if s.faults.truncates(req.OperationName) {
		data, _ := json.Marshal(out)
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(data[:len(data)/2])
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// toAppSync reshapes a graphql-go error the way AppSync reports errors: the
// resolver's error type, or ValidationError for a document or variables that
// do not fit the schema.
func toAppSync(qe *gqlerrors.QueryError) appSyncError {
	e := appSyncError{Path: qe.Path, Message: qe.Message, ErrorType: errValidation, Locations: []appSyncLocation{}}
	var apiErr *apiError
	if errors.As(qe.ResolverError, &apiErr) || errors.As(qe.Err, &apiErr) {
		e.ErrorType, e.Message = apiErr.errorType, apiErr.message
	} else if qe.ResolverError != nil {
		e.ErrorType = errInternal
	}
	for _, loc := range qe.Locations {
		e.Locations = append(e.Locations, appSyncLocation{Line: loc.Line, Column: loc.Column})
	}
	return e
}

func writeErrorOnly(w http.ResponseWriter, status int, errorType, message string) {
	writeJSON(w, status, appSyncResponse{
		Data:   json.RawMessage("null"),
		Errors: []appSyncError{{ErrorType: errorType, Message: message, Locations: []appSyncLocation{}}},
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// serveErrorPage answers with a proxy's HTML error page when that fault is
// on, streaming it so that a page of gigabytes costs no memory here.
func (s *Simulator) serveErrorPage(w http.ResponseWriter) bool {
	size, ok := s.faults.takeErrorPage()
	if !ok {
		return false
	}
	w.Header().Set("Content-Type", "text/html")
	w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
	w.WriteHeader(http.StatusBadGateway)
	line := []byte("<p>502 Bad Gateway (simulated fault)</p>\n")
	for size > 0 {
		n := min(int64(len(line)), size)
		if _, err := w.Write(line[:n]); err != nil {
			break // the client stopped reading, as it should
		}
		size -= n
	}
	return true
}
