Profile: ChestXAnalysisObservation
Parent: Observation
Id: chestx-analysis-observation
Title: "ChestXCds AI analysis (grouping Observation)"
Description: "The AI's diagnosis for one chest radiograph: hasMember lists the finding Observations and one Observation per reasoning step."
* insert ChestXObservationCommon
* code = ChestXObservationCodes#chest-xray-ai-analysis
* value[x] only string
* value[x] ^short = "One-line summary of the findings"
// 0..*: an analysis with no finding present or uncertain and no reasoning chain has no members;
// its value says so.
* hasMember MS
* hasMember only Reference(ChestXFindingObservation or ChestXReasoningStepObservation)
* derivedFrom only Reference(ImagingStudy)
* component 0..0

Profile: ChestXFindingObservation
Parent: Observation
Id: chestx-finding-observation
Title: "ChestXCds AI finding"
Description: "One finding (SNOMED CT coded) the AI asserts present, absent or uncertain, with the model's probability."
* insert ChestXObservationCommon
* code 1..1 MS
* code.coding 1..* MS
* code.coding.system 1..1
* code.coding.code 1..1
* value[x] 1..1 MS
* value[x] only CodeableConcept
* valueCodeableConcept from ChestXAssertionVS (required)
* interpretation MS
* derivedFrom only Reference(ImagingStudy)
* hasMember 0..0
* component ^slicing.discriminator.type = #value
* component ^slicing.discriminator.path = "code"
* component ^slicing.rules = #open
* component contains
    probability 0..1 MS and
    threshold 0..1 MS and
    confidence 0..1 MS and
    temporalChange 0..1 MS
* component[probability].code = ChestXObservationCodes#probability
* component[probability].value[x] only Quantity
* component[probability].valueQuantity = $UCUM#1
* component[probability].valueQuantity.value 1..1
* component[threshold].code = ChestXObservationCodes#threshold
* component[threshold].value[x] only Quantity
* component[threshold].valueQuantity = $UCUM#1
* component[threshold].valueQuantity.value 1..1
* component[confidence].code = ChestXObservationCodes#confidence
* component[confidence].value[x] only Quantity
* component[confidence].valueQuantity = $UCUM#1
* component[confidence].valueQuantity.value 1..1
* component[temporalChange].code = ChestXObservationCodes#temporal-change
* component[temporalChange].value[x] only CodeableConcept
* component[temporalChange].valueCodeableConcept from ChestXTemporalChangeVS (required)

Profile: ChestXReasoningStepObservation
Parent: Observation
Id: chestx-reasoning-step-observation
Title: "ChestXCds AI reasoning step"
Description: "One step of a verified reasoning chain: its text (valueString), its evidence (extension) and the verifier's verdict (component)."
* insert ChestXObservationCommon
* extension contains ChestXStepEvidence named evidence 0..* MS
* code = ChestXObservationCodes#reasoning-step
* value[x] 1..1 MS
* value[x] only string
* value[x] ^short = "The step as a sentence a radiologist would write"
* derivedFrom only Reference(ImagingStudy or ChestXReasoningStepObservation)
* hasMember 0..0
* component ^slicing.discriminator.type = #value
* component ^slicing.discriminator.path = "code"
* component ^slicing.rules = #open
* component contains
    index 1..1 MS and
    kind 1..1 MS and
    verdict 1..1 MS and
    verdictReason 0..1 MS and
    finding 0..1 MS and
    claim 0..1 MS and
    question 0..1 MS
* component[index].code = ChestXObservationCodes#step-index
* component[index].value[x] only integer
* component[kind].code = ChestXObservationCodes#step-kind
* component[kind].value[x] only CodeableConcept
* component[kind].valueCodeableConcept from ChestXStepKindVS (required)
* component[verdict].code = ChestXObservationCodes#step-verdict
* component[verdict].value[x] only CodeableConcept
* component[verdict].valueCodeableConcept from ChestXStepVerdictVS (required)
* component[verdictReason].code = ChestXObservationCodes#verdict-reason
* component[verdictReason].value[x] only string
* component[finding].code = ChestXObservationCodes#step-finding
* component[finding].value[x] only CodeableConcept
* component[claim].code = ChestXObservationCodes#step-claim
* component[claim].value[x] only CodeableConcept
* component[claim].valueCodeableConcept from ChestXAssertionVS (required)
* component[question].code = ChestXObservationCodes#chain-question
* component[question].value[x] only string
