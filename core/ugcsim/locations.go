package ugcsim

import (
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// fieldLocation finds where in the document the field at path was asked for:
// graphql-go reports no location for resolver errors, but AppSync does.
func fieldLocation(query, operationName string, path []any) (appSyncLocation, bool) {
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil || len(path) == 0 {
		return appSyncLocation{}, false
	}
	var op *ast.OperationDefinition
	for _, candidate := range doc.Operations {
		if operationName == "" || candidate.Name == operationName {
			op = candidate
			break
		}
	}
	if op == nil {
		return appSyncLocation{}, false
	}
	selections := op.SelectionSet
	var found *ast.Field
	for _, step := range path {
		name, ok := step.(string)
		if !ok {
			continue // a list index: stay on the same field
		}
		found = findField(selections, name, doc.Fragments)
		if found == nil {
			return appSyncLocation{}, false
		}
		selections = found.SelectionSet
	}
	if found == nil || found.Position == nil {
		return appSyncLocation{}, false
	}
	return appSyncLocation{Line: found.Position.Line, Column: found.Position.Column}, true
}

// findField looks for the field answered under responseKey (its alias, else
// its name), looking inside fragments too.
func findField(set ast.SelectionSet, responseKey string, fragments ast.FragmentDefinitionList) *ast.Field {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Alias == responseKey || (s.Alias == "" && s.Name == responseKey) {
				return s
			}
		case *ast.InlineFragment:
			if f := findField(s.SelectionSet, responseKey, fragments); f != nil {
				return f
			}
		case *ast.FragmentSpread:
			if def := fragments.ForName(s.Name); def != nil {
				if f := findField(def.SelectionSet, responseKey, fragments); f != nil {
					return f
				}
			}
		}
	}
	return nil
}
