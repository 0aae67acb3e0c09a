package ugcsim

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func TestWrongOrMissingKeyGets401(t *testing.T) {
	ts := newTestSim(t, Config{})
	for _, key := range []string{"", "another-key-12345", "Bearer " + testKey} {
		status, body := ts.post(key, `{ client { id } }`, nil)
		want := `{"data":null,"errors":[{"path":null,"data":null,"errorType":"UnauthorizedException","errorInfo":null,"locations":[],"message":"You are not authorized to make this call."}]}`
		if status != http.StatusUnauthorized || strings.TrimSpace(string(body)) != want {
			t.Errorf("key %q: HTTP %d %s", key, status, body)
		}
	}
}

func TestNotFoundHasTheServicesShape(t *testing.T) {
	ts := newTestSim(t, Config{})
	status, body := ts.post(testKey, "query {\n  getJob(jobId: \"job-nope\") { id }\n}", nil)
	want := `{"data":null,"errors":[{"path":["getJob"],"data":null,"errorType":"MoveNotFoundError","errorInfo":null,"locations":[{"line":2,"column":3,"sourceName":null}],"message":"Resource not found in move-ugc-api."}]}`
	if status != http.StatusOK || strings.TrimSpace(string(body)) != want {
		t.Errorf("HTTP %d\n got %s\nwant %s", status, body, want)
	}
}

func TestDocumentsThatDoNotFitTheSchemaAreValidationErrors(t *testing.T) {
	ts := newTestSim(t, Config{})
	for name, tc := range map[string]struct {
		query string
		vars  map[string]any
		says  string
	}{
		"misspelt field":   {`{ client { idd } }`, nil, `Cannot query field "idd"`},
		"unknown argument": {`{ getJob(id: "x") { id } }`, nil, `Unknown argument "id"`},
		"bad enum":         {`mutation { createSingleCamJob(takeId: "t", outputs: [MAIN_OBJ]) { id } }`, nil, "MAIN_OBJ"},
		"AWSJSON not JSON": {`mutation($m: AWSJSON) { createFile(type: "mp4", metadata: $m) { id } }`, map[string]any{"m": "{oops"}, "AWSJSON"},
		"syntax":           {`{ client { id }`, nil, "syntax"},
	} {
		e := ts.firstError(tc.query, tc.vars)
		if e.ErrorType != errValidation || !strings.Contains(e.Message, tc.says) {
			t.Errorf("%s: %+v, want a ValidationError saying %q", name, e, tc.says)
		}
	}
}

func TestUnsupportedOperationsSaySo(t *testing.T) {
	ts := newTestSim(t, Config{})
	for op, query := range map[string]string{
		"getVolume":             `{ getVolume(id: "v") { ... on HumanVolume { id } } }`,
		"listVolumes":           `{ listVolumes { first } }`,
		"listRigs":              `{ listRigs { first } }`,
		"listCameraSettings":    `{ listCameraSettings { first } }`,
		"createMultiCamJob":     `mutation { createMultiCamJob(takeId: "t") { id } }`,
		"createMultiCamTake":    `mutation { createMultiCamTake(volumeId: "v") { id } }`,
		"createVolumeWithHuman": `mutation { createVolumeWithHuman(humanHeight: 1.8, areaType: NORMAL) { id } }`,
		"generateShareCode":     `mutation { generateShareCode(fileId: "f") { code } }`,
		"upsertWebhookEndpoint": `mutation { upsertWebhookEndpoint(uid: "u", url: "https://x") { uid } }`,
	} {
		e := ts.firstError(query, nil)
		if e.ErrorType != errUnsupported || !strings.HasPrefix(e.Message, op+" is not supported by the Singlecam simulator") {
			t.Errorf("%s: %+v", op, e)
		}
	}
}

func TestOnlyPostedJSONIsServed(t *testing.T) {
	ts := newTestSim(t, Config{})
	resp, err := http.Get(ts.srv.URL + GraphQLPath)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %s", resp.Status)
	}
	req, _ := http.NewRequest(http.MethodPost, ts.srv.URL+GraphQLPath, strings.NewReader("not json"))
	req.Header.Set("authorization", testKey)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("non-JSON body: %s", resp.Status)
	}
}

func TestScalarsAreWrittenAsAppSyncWritesThem(t *testing.T) {
	ts := newTestSim(t, Config{})
	status, body := ts.post(testKey, `mutation { createFile(type: ".MOV", metadata: "{\"a\":[1,2]}") { id type created metadata } }`, nil)
	if status != http.StatusOK {
		t.Fatalf("HTTP %d %s", status, body)
	}
	var out struct {
		Data struct {
			CreateFile map[string]any `json:"createFile"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatal(err)
	}
	f := out.Data.CreateFile
	if f["created"] != "2026-01-02T03:04:05.123456Z" {
		t.Errorf("created = %v, want microseconds in UTC", f["created"])
	}
	if f["metadata"] != `{"a":[1,2]}` {
		t.Errorf("metadata = %#v, want the JSON as a string", f["metadata"])
	}
	if f["type"] != ".mov" {
		t.Errorf("type = %v, want .mov", f["type"])
	}
	if !regexp.MustCompile(`^file-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`).MatchString(f["id"].(string)) {
		t.Errorf("id = %v, want file-<uuid>", f["id"])
	}
}

func TestSingleCamTakeRules(t *testing.T) {
	ts := newTestSim(t, Config{})
	video := ts.uploadedVideo([]byte("v"))
	video2 := ts.uploadedVideo([]byte("w"))
	var move struct{ CreateFile struct{ ID string } }
	ts.query(`mutation { createFile(type: "move") { id } }`, nil, &move)
	for name, tc := range map[string]struct {
		sources string
		says    string
	}{
		"no sources":      {``, `exactly one video source`},
		"two videos":      {`{deviceLabel: "a", fileId: "` + video + `", format: MP4}, {deviceLabel: "a", fileId: "` + video2 + `", format: MP4}`, `exactly one video source`},
		"only a move":     {`{deviceLabel: "a", fileId: "` + move.CreateFile.ID + `", format: MOVE}`, `exactly one video source`},
		"labels differ":   {`{deviceLabel: "a", fileId: "` + video + `", format: MP4}, {deviceLabel: "b", fileId: "` + move.CreateFile.ID + `", format: MOVE}`, `same deviceLabel`},
		"label not slug":  {`{deviceLabel: "iPhone 15", fileId: "` + video + `", format: MP4}`, `not valid`},
		"format mismatch": {`{deviceLabel: "a", fileId: "` + move.CreateFile.ID + `", format: MP4}`, `created as .move`},
	} {
		e := ts.firstError(`mutation { createSingleCamTake(sources: [`+tc.sources+`]) { id } }`, nil)
		if e.ErrorType != errInvalidInput || !strings.Contains(e.Message, tc.says) {
			t.Errorf("%s: %+v, want %s saying %q", name, e, errInvalidInput, tc.says)
		}
	}
	if e := ts.firstError(`mutation { createSingleCamTake(sources: [{deviceLabel: "a", fileId: "file-nope", format: MP4}]) { id } }`, nil); e.ErrorType != errNotFound {
		t.Errorf("unknown file: %+v", e)
	}
}

func TestPagingCursorIsOpaqueAWSJSON(t *testing.T) {
	ts := newTestSim(t, Config{})
	take := ts.take(ts.uploadedVideo([]byte("v")))
	for range 3 {
		var out struct{ CreateSingleCamJob struct{ ID string } }
		ts.query(`mutation($t: String!) { createSingleCamJob(takeId: $t) { id } }`, map[string]any{"t": take}, &out)
	}
	var page struct {
		ListJobs struct {
			First int
			After *string
		}
	}
	ts.query(`{ listJobs(first: 2) { first after } }`, nil, &page)
	if page.ListJobs.First != 2 || page.ListJobs.After == nil || !json.Valid([]byte(*page.ListJobs.After)) {
		t.Fatalf("page = %+v, want first 2 and a JSON cursor in a string", page.ListJobs)
	}
	for name, q := range map[string]string{
		"forged cursor": `{ listJobs(after: "{\"nextToken\":\"am9iLWZvcmdlZA\"}") { first } }`,
		"not a cursor":  `{ listJobs(after: "{\"x\":1}") { first } }`,
		"first of 0":    `{ listJobs(first: 0) { first } }`,
	} {
		if e := ts.firstError(q, nil); e.ErrorType != errInvalidInput {
			t.Errorf("%s: %+v", name, e)
		}
	}
}
