// Package contract holds the project's copy of the Move UGC GraphQL schema, the
// one contract that the API client (core/ugc) and the simulator (core/ugcsim)
// both follow without depending on each other.
package contract

import _ "embed"

// Schema is the Move UGC API schema as the service's introspection reports it.
// Keep it byte-identical to ../shared/move-ugc/schema.graphql when that changes.
//
//go:embed schema.graphql
var Schema string
