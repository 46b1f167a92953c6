import Foundation
import Testing

/// The accessible line mode at the counter, in the real binary: a clerk searches 周秀英,
/// opens the person found (choosing her once pressed the page's 查询 again, so 代办 was
/// impossible in the line mode), runs the retiree flow for her and submits it.
@Suite struct PlainCounterEndToEndTests {
    @Test func aClerkInTheLineModeOpensThePersonFoundAndSubmitsA代办() throws {
        let directory = try SSCardProcess.temporaryDirectory()
        #expect(try SSCardProcess.run(["demo", "seed", "--data-dir", directory + "/data"]).status == 0)
        let photos = directory + "/photos"
        try RetireeEndToEndTests.makeDemoImages(in: photos)
        let lines = ["", "guitai01", "Demo@2026",                 // 工作人员账号登录
                     "",                                            // 查询人员并代办
                     "110102196104170268", "", "",                  // the query, kept, then 查询结果 1): opened
                     "1",                                           // 代办申领（退休人员）
                     "y", "y",                                      // 免责声明, 访问授权 (资格校验)
                     "", "", "", "", "", "",                        // 核对基本信息 and 补充信息 as recorded
                     "1", photos + "/id-front.png", "2", photos + "/id-back.png", "3", photos + "/card-photo.png", "4",
                     "",                                            // 领卡方式: 个人网点领卡
                     "", "y", "y",                                  // the summary, 申请人已核对并同意, 二次确认
                     "3", "q", "y"]                                 // 返回首页, log out
        let run = try SSCardProcess.run(["--plain", "--channel", "counter", "--data-dir", directory + "/data"],
                                        input: lines.joined(separator: "\n") + "\n")
        #expect(run.output.contains("人员信息：周秀英"), "the person found was not opened: \(run.output.suffix(2000))")
        #expect(run.output.contains("第 1 步 / 共 6 步：资格校验"))
        #expect(run.output.contains("代办申领已提交，请将回执交给申请人"), "\(run.output.suffix(2000))")
        #expect(run.output.contains("窗口代办：guitai01"))
        let dump = try SSCardProcess.run(["journal", "dump", "--data-dir", directory + "/data"]).output
        #expect(dump.contains("\"kind\":\"applicationSubmitted\"") && dump.contains("\"assisting\":\"110102********0268\""), "\(dump.suffix(1500))")
    }
}
