package ugcsim

import "fmt"

// Error types the simulator reports in errors[].errorType. MoveNotFoundError
// and UnauthorizedException are the service's own (core/contract/API.md); the others are
// the simulator's names for cases the service's documents do not spell out.
const (
	errNotFound     = "MoveNotFoundError"
	errInvalidInput = "MoveValidationError"
	errValidation   = "ValidationError"
	errUnsupported  = "SimulatorUnsupportedOperation"
	errUnauthorized = "UnauthorizedException"
	errThrottled    = "TooManyRequestsException"
	errInternal     = "InternalFailure"
	errMalformed    = "MalformedHttpRequestException"
)

// apiError is a resolver error that carries an AppSync errorType.
type apiError struct {
	errorType string
	message   string
}

func (e *apiError) Error() string { return e.message }

func notFound() error {
	return &apiError{errNotFound, "Resource not found in move-ugc-api."}
}

func invalidInput(format string, args ...any) error {
	return &apiError{errInvalidInput, fmt.Sprintf(format, args...)}
}

func unsupported(operation string) error {
	return &apiError{errUnsupported, operation +
		" is not supported by the Singlecam simulator: it serves single-camera takes and jobs only."}
}
