Extension: ChestXModelCard
Id: chestx-model-card
Title: "Model card"
Description: "The model card of an AI Device (the AI Transparency on FHIR IG's ModelCardDescription shape)."
Context: Device
* value[x] only Reference(ChestXModelCardDocument)
* valueReference 1..1

Extension: ChestXExecutionProvider
Id: chestx-execution-provider
Title: "Execution provider"
Description: "Where the model ran (ONNX Runtime CUDA or CPU, or a KServe v2 server)."
Context: Device
* value[x] only string

Profile: ChestXAIDevice
Parent: Device
Id: chestx-ai-device
Title: "ChestXCds AI model (AIDevice)"
Description: "The image model as a Device, in the shape of the AI Transparency on FHIR IG's AIDevice: type Artificial-Intelligence, name, version, manufacturer and a model card."
* insert AIAsserted
* extension contains
    ChestXModelCard named modelCard 1..1 MS and
    ChestXExecutionProvider named executionProvider 0..1 MS
* type 1..1 MS
* type = $AIDeviceType#Artificial-Intelligence
* status 1..1 MS
* deviceName 1..* MS
* deviceName.name 1..1
* deviceName.type = #model-name
* version 1..* MS
* version.value 1..1
* manufacturer 1..1 MS
* identifier MS

Profile: ChestXModelCardDocument
Parent: DocumentReference
Id: chestx-model-card-document
Title: "ChestXCds model card (AIModelCard)"
Description: "The model card as a DocumentReference, in the shape of the AI Transparency on FHIR IG's AIModelCard: type AIModelCard, category markdown format, markdown content."
* insert AIAsserted
* status = #current
* type 1..1 MS
* type = $AIInputs#AIModelCard
* category 1..* MS
* category ^slicing.discriminator.type = #value
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains markdown 1..1 MS
* category[markdown] = $AIInputs#AIModelCardMarkdownFormat
* description 1..1 MS
* content 1..1 MS
* content.attachment.contentType 1..1 MS
* content.attachment.contentType = #text/markdown
* content.attachment.data 1..1 MS
