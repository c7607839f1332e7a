Extension: ChestXStepEvidence
Id: chestx-step-evidence
Title: "Reasoning step evidence"
Description: "One piece of evidence a reasoning step rests on: a model score, a quoted prior-report sentence, knowledge or an earlier step."
Context: Observation
* extension contains
    kind 1..1 and
    description 1..1 and
    source 0..1 and
    quote 0..1 and
    date 0..1 and
    score 0..1 and
    threshold 0..1 and
    assertion 0..1
* extension[kind].value[x] only code
* extension[kind].valueCode from ChestXEvidenceKindVS (required)
* extension[description].value[x] only string
* extension[source] ^short = "Where the evidence came from: a reference to the report or study, or a name (the model, a knowledge file)"
* extension[source].value[x] only Reference(DiagnosticReport or ImagingStudy or Device or DocumentReference or Observation) or string
* extension[quote].value[x] only string
* extension[date].value[x] only dateTime
* extension[score] ^short = "Model probability, 0..1"
* extension[score].value[x] only decimal
* extension[threshold] ^short = "Model decision threshold, 0..1"
* extension[threshold].value[x] only decimal
* extension[assertion].value[x] only code
* extension[assertion].valueCode from ChestXAssertionVS (required)
