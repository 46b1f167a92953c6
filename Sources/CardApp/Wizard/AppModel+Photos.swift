import CardDomain
import CardWizards
import CardStore
import TerminalUI

/// The photo fields (D8): a file picker over the real directory, or a typed path; the
/// chosen file is checked by its bytes and copied into the blob store before the form
/// refers to it.
extension AppModel {
    mutating func openPhotoPicker(for field: String, on screen: WizardStepScreen) {
        guard let requirement = reference.photoRequirement(field) else { return }
        var flow = screen.flow
        // Keep what was typed on this page while the picker is open.
        _ = StepReader(reference: reference, today: today).read(screen.form, into: &flow)
        var kept = screen
        kept.flow = flow
        page = .wizard(kept)
        let picker = FilePicker(title: "选择" + environment.profile.label(field), requirement: Self.describe(requirement),
                                directory: photoDirectory, listing: PhotoDirectoryListing(requirement: requirement))
        overlay = .photoPicker(PhotoPicking(field: field, picker: picker))
    }

    /// "JPG 或 PNG，20 KB 至 8.75 MB，358x441 像素"
    static func describe(_ requirement: PhotoRequirement) -> String {
        var text = "JPG 或 PNG，\(PhotoRequirement.sizeText(requirement.minimumBytes)) 至 \(PhotoRequirement.sizeText(requirement.maximumBytes))"
        if let exact = requirement.exactSize { text += "，\(exact) 像素" }
        if let minimum = requirement.minimumSize { text += "，至少 \(minimum) 像素" }
        return text
    }

    mutating func handlePhotoPicker(_ picking: PhotoPicking, _ key: Key, now: Int64) {
        var picking = picking
        let response = picking.picker.handle(key)
        overlay = .photoPicker(picking)
        switch response {
        case .cancelled:
            overlay = nil
        case .activated:
            guard let path = picking.picker.chosenPath, case .wizard(let screen) = page,
                  let requirement = reference.photoRequirement(picking.field) else { return }
            do {
                switch try PhotoStore(data: environment.repository.data).accept(path: path, requirement: requirement) {
                case .success(let photo):
                    if let other = Self.sameFileAsOtherSide(photo, for: picking.field, in: screen.flow.form, profile: environment.profile) {
                        picking.picker.reject("这与已上传的\(other)是同一个文件，请选择另一面的照片")
                        overlay = .photoPicker(picking)
                        return
                    }
                    photoDirectory = picking.picker.directory
                    accept(photo, for: picking.field, on: screen)
                    overlay = nil
                case .failure(let rejection):
                    picking.picker.reject(rejection.message)
                    overlay = .photoPicker(picking)
                }
            } catch {
                picking.picker.reject("照片无法保存到数据目录：\(error)。请联系管理员。")
                overlay = .photoPicker(picking)
            }
        default:
            break
        }
    }

    /// The label of the other ID card side when `photo` is the very file already given
    /// for it: the front and the back are two pictures.
    static func sameFileAsOtherSide(_ photo: PhotoReference, for field: String, in form: ApplicationForm,
                                    profile: ChannelProfile) -> String? {
        switch field {
        case "idCardFront" where form.idCardBack?.sha256 == photo.sha256: return profile.label("idCardBack")
        case "idCardBack" where form.idCardFront?.sha256 == photo.sha256: return profile.label("idCardFront")
        default: return nil
        }
    }

    private mutating func accept(_ photo: PhotoReference, for field: String, on screen: WizardStepScreen) {
        var flow = screen.flow
        switch field {
        case "cardPhoto": flow.form.cardPhoto = photo
        case "idCardFront": flow.form.idCardFront = photo
        default: flow.form.idCardBack = photo
        }
        var rebuilt = WizardStepScreen(flow: flow, fields: stepFields(for: flow), startForm: screen.startForm)
        rebuilt.updateForm { form in
            form.focus(on: field)
            form.moveFocus(by: 1, wrapping: false)
        }
        page = .wizard(rebuilt)
    }
}
