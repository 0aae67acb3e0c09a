package ugcsim

import "testing"

// A cursor comes back from clients: any text must give a cursor or a clean
// invalid-input error, never a panic.
func FuzzDecodeCursor(f *testing.F) {
	f.Add(`{"nextToken":"am9iLTE"}`)
	f.Add(`{"nextToken":""}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, s string) {
		id, err := decodeCursor(awsJSON(s))
		if err == nil && id == "" {
			t.Fatalf("cursor %q decoded to an empty id without an error", s)
		}
	})
}

func FuzzFieldLocation(f *testing.F) {
	f.Add("{ getJob(jobId: \"x\") { id } }", "getJob")
	f.Add("query A { a: client { id } } query B { client { name } }", "client")
	f.Fuzz(func(t *testing.T, query, field string) {
		_, _ = fieldLocation(query, "", []any{field, 0, "id"})
	})
}
