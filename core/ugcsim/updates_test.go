package ugcsim

import (
	"testing"
	"time"
)

func TestListTakesPagesNewestFirst(t *testing.T) {
	ts := newTestSim(t, Config{})
	var ids []string
	for range 3 {
		ids = append(ids, ts.take(ts.uploadedVideo([]byte("v"))))
		ts.clock.Advance(time.Second)
	}
	var page struct {
		ListTakes struct {
			After *string
			Items []struct{ ID, TakeType string }
		}
	}
	ts.query(`{ listTakes(first: 2) { after items { id takeType } } }`, nil, &page)
	items := page.ListTakes.Items
	if len(items) != 2 || items[0].ID != ids[2] || items[1].ID != ids[1] || items[0].TakeType != "SINGLE_CAM" || page.ListTakes.After == nil {
		t.Fatalf("first page = %+v", page.ListTakes)
	}
	ts.query(`query($a: AWSJSON) { listTakes(first: 2, after: $a) { after items { id takeType } } }`,
		map[string]any{"a": *page.ListTakes.After}, &page)
	if len(page.ListTakes.Items) != 1 || page.ListTakes.Items[0].ID != ids[0] || page.ListTakes.After != nil {
		t.Errorf("last page = %+v", page.ListTakes)
	}
}

func TestUpdatesChangeOnlyWhatTheyAreGiven(t *testing.T) {
	ts := newTestSim(t, Config{})
	file := ts.uploadedVideo([]byte("v"))
	take := ts.take(file)
	var f struct {
		UpdateFile struct{ Name, Metadata *string }
	}
	ts.query(`mutation($id: String!) { updateFile(id: $id, name: "renamed.mp4") { name metadata } }`, map[string]any{"id": file}, &f)
	if f.UpdateFile.Name == nil || *f.UpdateFile.Name != "renamed.mp4" || f.UpdateFile.Metadata != nil {
		t.Errorf("updateFile = %+v", f.UpdateFile)
	}
	var tk struct {
		UpdateTake struct{ Name, Metadata *string }
	}
	ts.query(`mutation($id: String!) { updateTake(id: $id, metadata: "{\"k\":2}") { name metadata } }`, map[string]any{"id": take}, &tk)
	if tk.UpdateTake.Name != nil || tk.UpdateTake.Metadata == nil || *tk.UpdateTake.Metadata != `{"k":2}` {
		t.Errorf("updateTake = %+v", tk.UpdateTake)
	}
	var c struct{ UpdateClient struct{ Metadata string } }
	ts.query(`mutation { updateClient(metadata: "{\"plan\":\"indie\"}") { metadata } }`, nil, &c)
	if c.UpdateClient.Metadata != `{"plan":"indie"}` {
		t.Errorf("updateClient = %+v", c.UpdateClient)
	}
	for _, q := range []string{
		`mutation { updateFile(id: "file-nope", name: "x") { id } }`,
		`mutation { updateTake(id: "take-nope", name: "x") { id } }`,
	} {
		if e := ts.firstError(q, nil); e.ErrorType != errNotFound {
			t.Errorf("%s: %+v", q, e)
		}
	}
}
