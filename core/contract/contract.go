// Package contract holds the project's copy of the Move UGC GraphQL schema, the
// one contract that the API client (core/ugc) and the simulator (core/ugcsim)
// both follow without depending on each other.
package contract

import _ "embed"

// Schema is the Move UGC API schema as the service's introspection reports it.
// Update it from the service's introspection when Move changes the API; what
// the schema cannot say about the service's behaviour is in API.md beside it.
//
//go:embed schema.graphql
var Schema string
