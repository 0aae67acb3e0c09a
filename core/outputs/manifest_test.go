package outputs_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"singlecam/core/outputs"
	"singlecam/core/ugc"
)

// A job folder copied from elsewhere or edited by hand may name any path
// in its manifest: only plain names inside the folder are used.
func TestAManifestNamingPathsOutsideItsFolderIsNotFollowed(t *testing.T) {
	e := newEnv(t)
	job := e.finishedJob(t, "Walk", ugc.OutputMainFBX, ugc.OutputAllBVH)
	dir, _, err := e.saver.Save(ctx, job.ID, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	// A file beside the download folder, which the manifest will name.
	victim := filepath.Join(filepath.Dir(e.saver.Root), "victim.fbx")
	os.WriteFile(victim, []byte("mine"), 0o644)
	manifestPath := filepath.Join(dir, outputs.ManifestName)
	data, _ := os.ReadFile(manifestPath)
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	bad := []string{"../../victim.fbx", victim}
	i := 0
	for _, note := range m["files"].(map[string]any) {
		note.(map[string]any)["name"] = bad[i]
		note.(map[string]any)["size"] = 4
		i++
	}
	data, _ = json.Marshal(m)
	os.WriteFile(manifestPath, data, 0o644)

	found, err := outputs.Scan(e.saver.Root)
	if err != nil {
		t.Fatal(err)
	}
	if d, ok := found[job.ID]; ok && len(d.Files) > 0 {
		t.Errorf("scan listed %+v", d.Files)
	}
	// Nothing listed, so the notes are read through a save.
	if _, saved, err := e.saver.Save(ctx, job.ID, nil, nil); err != nil || len(saved) != 2 {
		t.Fatalf("save again: %+v, %v", saved, err)
	} else {
		for _, s := range saved {
			if filepath.Dir(s.Path) != dir || s.Skipped {
				t.Errorf("saved %+v outside %s or skipped", s, dir)
			}
		}
	}
	if _, err := e.saver.Rename(ctx, e.saver.Root, job.ID, "Run"); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(victim); string(got) != "mine" {
		t.Errorf("the file outside the folder became %q", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(e.saver.Root))
	for _, entry := range entries {
		if strings.Contains(entry.Name(), "Run") || strings.Contains(entry.Name(), "main") {
			t.Errorf("%s appeared beside the download folder", entry.Name())
		}
	}
}

func TestScanNotesWhatAManifestNamedThatWasIgnored(t *testing.T) {
	e := newEnv(t)
	job := e.finishedJob(t, "Jump", ugc.OutputMainFBX, ugc.OutputAllBVH)
	dir, _, err := e.saver.Save(ctx, job.ID, []string{"main_fbx"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	manifestPath := filepath.Join(dir, outputs.ManifestName)
	data, _ := os.ReadFile(manifestPath)
	data = []byte(strings.Replace(string(data), `"files": {`, `"files": {"x": {"format": "all_bvh", "name": "../elsewhere.zip", "done": true},`, 1))
	os.WriteFile(manifestPath, data, 0o644)
	found, err := outputs.Scan(e.saver.Root)
	if err != nil {
		t.Fatal(err)
	}
	d := found[job.ID]
	if len(d.Files) != 1 || len(d.Notes) != 1 || !strings.Contains(d.Notes[0], `"../elsewhere.zip"`) {
		t.Errorf("scan: %+v", d)
	}
}
