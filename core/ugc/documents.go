package ugc

// The GraphQL documents the client sends, one per operation. A test validates
// each against the project's copy of the schema, so a misspelt field fails CI
// rather than a user's job.

const fileFields = `fragment FileFields on File { id name type created metadata presignedUrl thumbnailUrl }`

const jobFields = `fragment JobFields on Job {
  id name created metadata state
  progress { state percentageComplete }
  inputs {
    clipWindow { startTime endTime }
    options { trackFingers floorPlane trackBall trackJerseyNumbers mocapModel }
  }
  take { id videoFile { thumbnailUrl } }
  outputs { format key file { ...FileFields } }
}`

const takeFields = `fragment TakeFields on Take {
  id name created metadata
  sources { deviceLabel format file { ...FileFields } }
  videoFile { ...FileFields }
}`

// operation is one GraphQL operation: its name (also the root field it
// answers under), its document, and whether repeating it is safe.
type operation struct {
	name string
	doc  string
	// idempotent operations are retried after any transient failure; the
	// others only when the request surely never reached the service.
	idempotent bool
}

var (
	opClient = operation{"client", `query client { client { id name portal created metadata } }`, true}

	// A spare file costs nothing, so repeating is safe.
	opCreateFile = operation{"createFile", `mutation createFile($type: String!, $name: String, $metadata: AWSJSON) {
  createFile(type: $type, name: $name, metadata: $metadata) { ...FileFields }
}
` + fileFields, true}

	opGetFile = operation{"getFile", `query getFile($fileId: ID!) { getFile(fileId: $fileId) { ...FileFields } }
` + fileFields, true}

	// A spare take costs nothing, so repeating is safe.
	opCreateSingleCamTake = operation{"createSingleCamTake", `mutation createSingleCamTake($sources: [SourceInput!], $name: String, $metadata: AWSJSON) {
  createSingleCamTake(sources: $sources, name: $name, metadata: $metadata) { ...TakeFields }
}
` + takeFields + "\n" + fileFields, true}

	opGetTake = operation{"getTake", `query getTake($takeId: ID!) { getTake(takeId: $takeId) { ...TakeFields } }
` + takeFields + "\n" + fileFields, true}

	// A job costs the user money: never repeated blindly.
	opCreateSingleCamJob = operation{"createSingleCamJob", `mutation createSingleCamJob($takeId: String!, $name: String, $metadata: AWSJSON, $outputs: [OutputType], $options: OptionsInput, $clipWindow: ClipWindowInput) {
  createSingleCamJob(takeId: $takeId, name: $name, metadata: $metadata, outputs: $outputs, options: $options, clipWindow: $clipWindow) { ...JobFields }
}
` + jobFields + "\n" + fileFields, false}

	opGetJob = operation{"getJob", `query getJob($jobId: ID!) { getJob(jobId: $jobId) { ...JobFields } }
` + jobFields + "\n" + fileFields, true}

	opListJobs = operation{"listJobs", `query listJobs($first: Int, $after: AWSJSON, $sortDirection: SortDirection, $takeId: String) {
  listJobs(first: $first, after: $after, sortDirection: $sortDirection, takeId: $takeId) {
    after
    items { ...JobFields }
  }
}
` + jobFields + "\n" + fileFields, true}

	opUpdateJob = operation{"updateJob", `mutation updateJob($id: String!, $name: String, $metadata: AWSJSON) {
  updateJob(id: $id, name: $name, metadata: $metadata) { ...JobFields }
}
` + jobFields + "\n" + fileFields, true}
)

// operations lists every operation, for the schema test.
var operations = []operation{
	opClient, opCreateFile, opGetFile, opCreateSingleCamTake, opGetTake,
	opCreateSingleCamJob, opGetJob, opListJobs, opUpdateJob,
}
