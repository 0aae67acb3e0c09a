package ugcsim

import (
	"encoding/base64"
	"encoding/json"
	"time"
)

const (
	defaultPageSize = 10 // what the official SDK asks for
	maxPageSize     = 100
)

type record struct {
	id      string
	created time.Time
}

type page[T any] struct {
	items []T
	first int32
	after *awsJSON // null on the last page
}

// cursor is the opaque paging token: an AWSJSON document whose only field is
// a base64 token naming the last item already returned.
type cursor struct {
	NextToken string `json:"nextToken"`
}

// paginate sorts items (newest first unless ASC is asked for) and cuts the
// page that follows the cursor.
func paginate[T any](items []T, args pageArgs, rec func(T) record) (page[T], error) {
	first := int32(defaultPageSize)
	if args.First != nil {
		first = *args.First
	}
	if first < 1 {
		return page[T]{}, invalidInput("first must be at least 1, got %d.", first)
	}
	first = min(first, maxPageSize)

	newestFirst(items, func(t T) time.Time { return rec(t).created }, func(t T) string { return rec(t).id })
	if args.SortDirection != nil && *args.SortDirection == "ASC" {
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
	}

	start := 0
	if args.After != nil {
		lastID, err := decodeCursor(*args.After)
		if err != nil {
			return page[T]{}, err
		}
		start = -1
		for i, it := range items {
			if rec(it).id == lastID {
				start = i + 1
				break
			}
		}
		if start < 0 {
			return page[T]{}, invalidInput("The paging cursor in 'after' is not valid.")
		}
	}
	end := min(start+int(first), len(items))
	p := page[T]{items: items[start:end], first: first}
	if end < len(items) {
		p.after = encodeCursor(rec(items[end-1]).id)
	}
	return p, nil
}

func encodeCursor(lastID string) *awsJSON {
	doc, _ := json.Marshal(cursor{NextToken: base64.RawURLEncoding.EncodeToString([]byte(lastID))})
	j := awsJSON(doc)
	return &j
}

func decodeCursor(j awsJSON) (string, error) {
	var c cursor
	if err := json.Unmarshal([]byte(j), &c); err != nil || c.NextToken == "" {
		return "", invalidInput("The paging cursor in 'after' is not valid.")
	}
	id, err := base64.RawURLEncoding.DecodeString(c.NextToken)
	if err != nil {
		return "", invalidInput("The paging cursor in 'after' is not valid.")
	}
	return string(id), nil
}
