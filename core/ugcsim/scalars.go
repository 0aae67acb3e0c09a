package ugcsim

import (
	"encoding/json"
	"fmt"
	"time"
)

// awsJSON is AppSync's AWSJSON: a JSON document carried as a string.
type awsJSON string

func (awsJSON) ImplementsGraphQLType(name string) bool { return name == "AWSJSON" }

func (j *awsJSON) UnmarshalGraphQL(input any) error {
	s, ok := input.(string)
	if !ok {
		return fmt.Errorf("AWSJSON must be a string that holds a JSON document, got %T", input)
	}
	if !json.Valid([]byte(s)) {
		return fmt.Errorf("AWSJSON value is not valid JSON: %q", truncate(s, 40))
	}
	*j = awsJSON(s)
	return nil
}

func (j awsJSON) MarshalJSON() ([]byte, error) { return json.Marshal(string(j)) }

// awsDateTime is AppSync's AWSDateTime, rendered the way the service does:
// RFC 3339 in UTC with microseconds, e.g. 2023-07-10T12:13:56.615715Z.
type awsDateTime struct{ time.Time }

func (awsDateTime) ImplementsGraphQLType(name string) bool { return name == "AWSDateTime" }

func (d *awsDateTime) UnmarshalGraphQL(input any) error {
	s, ok := input.(string)
	if !ok {
		return fmt.Errorf("AWSDateTime must be a string, got %T", input)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("AWSDateTime %q is not RFC 3339", s)
	}
	d.Time = t
	return nil
}

func (d awsDateTime) MarshalJSON() ([]byte, error) {
	return json.Marshal(d.UTC().Format("2006-01-02T15:04:05.000000Z"))
}

// awsURL is AppSync's AWSURL scalar.
type awsURL string

func (awsURL) ImplementsGraphQLType(name string) bool { return name == "AWSURL" }

func (u *awsURL) UnmarshalGraphQL(input any) error {
	s, ok := input.(string)
	if !ok {
		return fmt.Errorf("AWSURL must be a string, got %T", input)
	}
	*u = awsURL(s)
	return nil
}

func (u awsURL) MarshalJSON() ([]byte, error) { return json.Marshal(string(u)) }

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
