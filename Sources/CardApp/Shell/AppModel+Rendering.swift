import CardDomain
import TerminalUI

extension AppModel {
    /// The layout for this session: roomier in the elder-friendly mode.
    var layout: FormLayout { environment.options.elder ? .elder : .standard }

    /// The page being shown, for what every page has alike.
    var screen: any AppScreen {
        switch page {
        case .loginChoice(let screen): return screen
        case .accountLogin(let screen): return screen
        case .codeLogin(let screen): return screen
        case .smsLogin(let screen): return screen
        case .realName(let screen): return screen
        case .changePassword(let screen): return screen
        case .registration(let screen): return screen
        case .certificateLogin(let screen): return screen
        case .home(let screen): return screen
        case .disclaimer(let screen): return screen
        case .wizard(let screen): return screen
        case .receipt(let screen): return screen
        case .myApplications(let screen): return screen
        case .personLookup(let screen): return screen
        case .personDetail(let screen): return screen
        case .queue(let screen): return screen
        case .review(let screen): return screen
        case .unitSettings(let screen): return screen
        case .unitEmployees(let screen): return screen
        case .accounts(let screen): return screen
        case .accountDetail(let screen): return screen
        case .accountForm(let screen): return screen
        case .importer(let screen): return screen
        case .systemStatus(let screen): return screen
        }
    }

    var pageTitle: String { screen.title }
    /// The page's keys; a kiosk cannot be left, so there F10 is not offered before login.
    /// While a list is open, its keys; otherwise Enter is named for what it does on the
    /// focused field (下一项 in a text field, 打开列表 on a select), not the page's action.
    var pageHints: [KeyHint] {
        let hints = isKiosk && session == nil ? screen.hints.filter { $0.keys != "F10" } : screen.hints
        let form = screen.form
        if form.openSelect != nil {
            return [KeyHint("方向键", "选择"), KeyHint("Enter", "选定"), KeyHint("Esc", "关闭列表"), KeyHint("输入文字", "筛选")]
        }
        guard !screen.handlesEnterItself, let action = form.enterAction else { return hints }
        return hints.map { $0.keys == "Enter" ? KeyHint("Enter", action) : $0 }
    }

    /// The current page's form, for the accessible line mode.
    public var currentForm: Form { screen.form }

    var help: HelpOverlay {
        let about: String
        switch page {
        case .loginChoice: about = "选择登录身份和登录方式，按 Enter 继续。"
        case .accountLogin: about = "输入账号和密码后按 Enter 登录。连续输错 5 次，账号将锁定 15 分钟；输错一次后需要填写图形验证码。"
        case .codeLogin: about = "用平台扫码或输入登录码，平台确认后本终端自动登录。登录码一次有效，过期后可重新获取。"
        case .smsLogin: about = "输入社保卡预留手机号，选择「获取验证码」，再输入短信中的 6 位验证码登录。60 秒后可重新获取；连续输错 5 次，该手机号锁定 15 分钟。"
        case .systemStatus: about = "系统状态：日志、本机索引、磁盘、最近一次备份、账号和正在运行的进程，与 sscard status 相同。「警告」或「严重」时按提示处理。"
        case .importer: about = "导入主数据：先检查整个文件并显示结果，确认后再导入。导入过程中可按 Esc 在两批之间停止，已导入的部分保留，再次导入同一文件不会重复。"
        case .accounts: about = "账号管理：按状态、角色筛选或查找账号，Enter 打开一个账号；「新建账号」创建工作人员或单位经办人账号。"
        case .accountDetail: about = "账号详情：停用、启用、解锁、重置密码或变更角色，每项变更都会记录操作人和时间，见下方变更记录。"
        case .accountForm: about = "窗口经办须选择所属网点，单位经办人须填写单位编号。新账号的临时密码只显示一次。"
        case .registration: about = "注册或找回密码：填写与登记信息一致的姓名和身份证号，输入发送到社保卡预留手机号的验证码，再设置新密码。"
        case .changePassword: about = "临时密码只能用来登录一次：设置自己的新密码后才能继续办理。按 Esc 退出，下次登录仍需修改。"
        case .realName: about = "首次在本渠道登录需要实名认证：姓名和身份证号须与登记信息一致，再用手机完成人脸核验。通过后不再询问。"
        case .certificateLogin: about = "填写单位数字证书所在的文件夹（含证书和加密的密钥），输入证书密码后登录。连续输错 5 次，该证书锁定 15 分钟。"
        case .home: about = "选择要办理的业务，按 Enter 进入。F10 退出登录。"
        case .disclaimer: about = "阅读免责声明，按空格勾选同意，再按 Enter 继续。"
        case .wizard: about = "逐项填写，按 Enter 到下一项；最后一项后按 Enter 进入下一步。每完成一步都会保存草稿，下次登录可从这一步继续。"
            + "照片项按 Enter 打开文件选择：方向键选择，Tab 输入路径。Esc 回到上一步，已填内容保留。"
        case .receipt: about = "申请已提交。请记下办事编号，可在「我的办事」中查看进度。"
        case .myApplications: about = "查看申请的状态和每一步的办理记录（时间、渠道、办理人）。照片审核未通过时可更换照片并重新提交。"
        case .personLookup: about = "输入申请人的证件号码（或姓名）查询。列表中证件号码已隐藏部分数字；打开人员信息会记录查看人。"
        case .personDetail: about = "核对申请人身份证后，可为其代办申领、查看办事进度或打印回执；【变更记录】列出此人的信息变更、账号变更和申请记录。"
        case .queue: about = "选择办卡状态查看申请，按 Enter 打开一笔申请并推进状态。"
        case .unitSettings: about = "填写单位资料；开户银行选定后，办卡网点列出该行的网点（本单位所在区在前），可输入文字筛选。修改领卡方式或银行会让已确认的职工重新确认，保存前会提示人数。"
        case .unitEmployees: about = "方向键移动，PgUp/PgDn 翻页，Home/End 到首尾；/ 按姓名或证件号码末几位查找；「显示」选择办卡状态。提交页：空格勾选信息已确认的职工，A 全选或清除，Enter 提交所选（提交前会再确认人数）。查询页：Enter 查看该职工的办卡进度。"
        case .review: about = "选择要改为的状态；照片审核未通过须填写原因，已寄出须填写邮寄单号。"
        }
        return HelpOverlay(title: pageTitle, about: about, hints: HelpOverlay.commonHints)
    }

    /// Draws the whole screen: the top line, the page, the key bar, and any overlay.
    public mutating func render(width: Int, height: Int, now: Int64) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let minimum = environment.policy.minimumSize
        isTooSmall = width < minimum.columns || height < minimum.rows
        guard !isTooSmall else {
            drawTooSmall(on: &canvas, minimum: minimum)
            return canvas
        }
        let profile = environment.profile
        var details: [String] = []
        // Said on the top line, which always has room, not only in the key bar's note.
        if serverAway { details.append(Self.serverAwayMark) }
        if let session { details.append(session.displayName) }
        if environment.options.elder { details.append("长者版") }
        details.append(BeijingTime.dateTime(microseconds: now))
        StatusLine(place: "北京市第三代社会保障卡  \(profile.name)", shortPlace: "社保卡  \(profile.name)",
                   details: details).draw(on: &canvas)
        canvas.rule(row: 1)
        // The seeds write paths with "→", which CJK terminals draw two columns wide.
        let path = environment.options.elder ? (profile.elderEntry ?? profile.entry) : profile.entry
        let entry = String(path.map { $0 == "→" ? ">" : $0 })
        let heading = isLocked ? "屏幕已锁定" : (session == nil ? "\(entry) > " : "") + pageTitle
        canvas.write(layout.prominentHeadings ? "【\(heading)】" : heading, row: 2, column: 1, style: .title)
        let body = Rect(row: layout.rowGap == 1 ? 4 : 5, column: 3, width: width - 5, height: height - (layout.rowGap == 1 ? 7 : 8))
        // A locked screen hides the page entirely: nothing of a person's records shows.
        if !isLocked { drawPage(on: &canvas, in: body) }
        canvas.rule(row: height - 2)
        // The saved note takes the terminal's place (the channel is on the top line), so the keys still fit.
        let note = serverAway ? Self.serverAwayNote : draftSavedAt.map { "草稿已保存 " + BeijingTime.clock(microseconds: $0) }
            ?? "终端 \(environment.terminal)  \(profile.name)" + (isKiosk ? "  自助" : "")
        let hints = isLocked ? [KeyHint("Tab", "下一项"), KeyHint("Enter", "解锁"), KeyHint("F10", "退出登录")] : pageHints
        FunctionKeyBar(hints: hints, note: note).draw(on: &canvas, row: height - 1)
        drawOverlay(on: &canvas, now: now)
        return canvas
    }

    private mutating func drawPage(on canvas: inout Canvas, in body: Rect) {
        let layout = self.layout
        var formArea = body
        // A login code's QR symbol stands at the right of the page, where it fits.
        if let symbol = pageSymbol,
           let picture = ScanCodePicture.fitting(symbol, preferred: environment.options.scanCode, in: body,
                                                 formWidth: Self.codeFormWidth) {
            picture.draw(on: &canvas, row: body.row, column: body.column + body.width - picture.width)
            formArea = Rect(row: body.row, column: body.column, width: body.width - picture.width - 2, height: body.height)
        }
        updateForm { $0.draw(on: &canvas, in: formArea, layout: layout) }
    }

    /// The one-time code's QR symbol on a page that shows one.
    var pageSymbol: QRMatrix? {
        switch page {
        case .codeLogin(let screen): return screen.symbol
        case .realName(let screen): return screen.symbol
        default: return nil
        }
    }

    /// The narrowest the code page's text may be beside its QR symbol.
    static let codeFormWidth = 36

    /// Changes the current page's form in place.
    mutating func updateForm(_ change: (inout Form) -> Void) {
        switch page {
        case .loginChoice(var screen): screen.updateForm(change); page = .loginChoice(screen)
        case .accountLogin(var screen): screen.updateForm(change); page = .accountLogin(screen)
        case .codeLogin(var screen): screen.updateForm(change); page = .codeLogin(screen)
        case .smsLogin(var screen): screen.updateForm(change); page = .smsLogin(screen)
        case .realName(var screen): screen.updateForm(change); page = .realName(screen)
        case .changePassword(var screen): screen.updateForm(change); page = .changePassword(screen)
        case .registration(var screen): screen.updateForm(change); page = .registration(screen)
        case .accounts(var screen): screen.updateForm(change); page = .accounts(screen)
        case .accountDetail(var screen): screen.updateForm(change); page = .accountDetail(screen)
        case .accountForm(var screen): screen.updateForm(change); page = .accountForm(screen)
        case .importer(var screen): screen.updateForm(change); page = .importer(screen)
        case .systemStatus(var screen): screen.updateForm(change); page = .systemStatus(screen)
        case .certificateLogin(var screen): screen.updateForm(change); page = .certificateLogin(screen)
        case .home(var screen): screen.updateForm(change); page = .home(screen)
        case .disclaimer(var screen): screen.updateForm(change); page = .disclaimer(screen)
        case .wizard(var screen): screen.updateForm(change); page = .wizard(screen)
        case .receipt(var screen): screen.updateForm(change); page = .receipt(screen)
        case .myApplications(var screen): screen.updateForm(change); page = .myApplications(screen)
        case .personLookup(var screen): screen.updateForm(change); page = .personLookup(screen)
        case .personDetail(var screen): screen.updateForm(change); page = .personDetail(screen)
        case .queue(var screen): screen.updateForm(change); page = .queue(screen)
        case .review(var screen): screen.updateForm(change); page = .review(screen)
        case .unitSettings(var screen): screen.updateForm(change); page = .unitSettings(screen)
        case .unitEmployees(var screen): screen.updateForm(change); page = .unitEmployees(screen)
        }
    }

    private func drawOverlay(on canvas: inout Canvas, now: Int64) {
        switch overlay {
        case .help(let help)?: help.draw(on: &canvas)
        case .confirmQuit(let dialog)?, .confirmDiscard(let dialog, _)?, .message(let dialog)?, .confirmSubmit(let dialog)?,
             .confirmStopImport(let dialog)?:
            dialog.draw(on: &canvas)
        case .photoPicker(var picking)?: picking.picker.draw(on: &canvas)
        case .certificatePicker(var picker)?, .importPicker(var picker)?: picker.draw(on: &canvas)
        case .screenLocked(let lock)?: lock.draw(on: &canvas)
        case .idleWarning?:
            let seconds = idleSecondsLeft(now: now)
            ModalDialog(title: "还在吗？", message: "\(seconds) 秒后将自动退出登录并清除屏幕，以保护您的信息。\n按任意键继续使用。",
                        buttons: ["继续使用"], tone: .warning).draw(on: &canvas)
        case nil: break
        }
    }

    private func drawTooSmall(on canvas: inout Canvas, minimum: TerminalPolicy.MinimumSize) {
        var text = "终端窗口太小：当前 \(canvas.width)x\(canvas.height)，至少需要 \(minimum.columns)x\(minimum.rows)。"
            + "请放大窗口；已输入的内容不会丢失。"
        if case .confirmQuit(let dialog)? = overlay {
            text += dialog.title + "按 Enter 确定，Esc 取消。"
        } else if !(isKiosk && session == nil) {
            text += "按 F10 退出。"
        }
        let lines = TextLayout.wrap(text, to: max(1, canvas.width - 2))
        for (offset, line) in lines.enumerated() where offset < canvas.height {
            canvas.write(line, row: offset, column: 1, style: .warning)
        }
        canvas.cursor = nil
    }
}
