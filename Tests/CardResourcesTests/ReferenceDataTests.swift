import CardDomain
import CardResources
import Testing

@Suite struct ReferenceDataTests {
    @Test func sixteenDistrictsWithBeijingCodesAndPostalCodes() throws {
        let districts = try CardResources.districts()
        #expect(districts.count == 16)
        #expect(Set(districts.map(\.code)).count == 16)
        #expect(districts.allSatisfy { $0.code.hasPrefix("11") && $0.code.count == 6 })
        #expect(districts.allSatisfy { (try? PostalCode.parse($0.postalCodeExample).get()) != nil })
        #expect(districts.first { $0.code == "110105" }?.name == "朝阳区")
        // Historical codes stay valid in ID numbers but are not offered as 常住地所在区.
        #expect(!districts.contains { $0.code == "110103" })
    }

    @Test func fiftySixEthnicGroupsNumberedOneToFiftySix() throws {
        let groups = try CardResources.ethnicGroups()
        #expect(groups.map(\.code) == (1...56).map { $0 < 10 ? "0\($0)" : "\($0)" })
        #expect(groups.first?.name == "汉族")
        #expect(groups.first { $0.code == "46" }?.name == "德昂族")
        #expect(Set(groups.map(\.letterCode)).count == 56)
    }

    @Test func fifteenCooperatingBanksIncludeTheDemoPensionBanks() throws {
        let banks = try CardResources.banks()
        #expect(banks.count == 15)
        let names = Set(banks.map(\.name))
        #expect(names.isSuperset(of: ["中国工商银行", "北京银行", "中国建设银行"]))
        #expect(banks.first { $0.name == "北京农村商业银行" }?.shortName == "北京农商银行")
    }
}

@Suite struct PolicyFilesTests {
    @Test func occupationsFollowGBT22614WithTheRetireeCode() throws {
        let occupations = try CardResources.occupations()
        #expect(occupations.count == 13)
        #expect(occupations.first { $0.code == Occupation.retiredCode }?.name == "退（离）休人员")
    }

    @Test func countriesAreISO3166WithChinaFirst() throws {
        let countries = try CardResources.countries()
        #expect(countries.count == 249)
        #expect(countries.first?.alpha3 == "CHN")
        #expect(countries.first?.name == "中国")
        #expect(countries.first { $0.alpha3 == "HKG" }?.name == "中国香港")
    }

    @Test func branchesAreMarkedAsSampleAndHoldTheDemoBranches() throws {
        let (branches, isSample) = try CardResources.branches()
        #expect(isSample)
        #expect(branches.count == 15 * 16)
        let names = Set(branches.map(\.name))
        #expect(names.isSuperset(of: ["中国工商银行北京朝阳支行", "北京银行西城支行", "中国建设银行北京海淀支行", "北京银行朝阳支行"]))
    }

    @Test func channelProfilesFollowD1AndD2() throws {
        let channels = try CardResources.channels()
        #expect(channels.map(\.id) == [.web, .jingtong, .minsheng, .counter])
        let pickup = Dictionary(uniqueKeysWithValues: channels.map { ($0.id, $0.retiree.pickup.map(\.method)) })
        #expect(pickup == [.web: [.bankMail], .jingtong: [.branchPickup, .bankMail], .minsheng: [.bankMail],
                           .counter: [.branchPickup, .bankMail]])
        let web = channels[0]
        #expect(web.retiree.successMessage == "您已完成个人申领业务办理，请在个人中心我的办事中查看办事进度")
        #expect(web.retiree.secondConfirmation == "是否确认提交个人申领")
        #expect(web.logins.first { $0.actor == "unitOperator" }?.methods.map(\.label)
                == ["证书登录", "口令登录", "电子营业执照登录", "事业单位电子证书登录", "其他渠道登录"])
        #expect(web.logins.first { $0.actor == "person" }?.methods.map(\.label) == ["扫码登录", "账号登录", "其他渠道登录"])
        let minsheng = channels[2]
        #expect(minsheng.retiree.steps.map(\.title) == ["身份识别", "基本信息", "制卡信息", "领卡方式"])
        #expect(minsheng.label("bank") == "办卡银行")
        #expect(channels[1].retiree.eligibilityCheck?.button == "开始资格校验")
        // Every field a step names has a label.
        for channel in channels {
            for field in channel.retiree.steps.flatMap(\.fields) { #expect(channel.labels[field] != nil, "\(channel.id) \(field)") }
        }
    }

    @Test func textsArePlaceholdersAndSaySo() throws {
        let texts = try CardResources.texts()
        #expect(Set(texts.map(\.id)) == ["disclaimer", "pledge", "accessAuthorisation"])
        #expect(texts.allSatisfy { $0.placeholder && $0.body[0].contains("占位文本") })
    }

    @Test func photoLimitsAreD8() throws {
        let card = try CardResources.photoRequirements().first { $0.id == "cardPhoto" }!
        #expect(card.minimumBytes == 20_480 && card.maximumBytes == 9_175_040)
        #expect(card.exactSize == PixelSize(width: 358, height: 441))
    }

    @Test func demoDataIsExactlyDemoDataMDAndObeysTheRules() throws {
        let demo = try CardResources.demoData()
        let reference = try CardResources.referenceData()
        #expect(demo.password == "Demo@2026")
        #expect(demo.units.map(\.number) == ["10000001", "10000002"])
        #expect(demo.persons.map(\.name) == ["张伟", "李娜", "王磊", "郑强", "刘洋", "陈杰", "赵敏", "孙建国", "周秀英", "吴德明"])
        #expect(demo.accounts.map(\.username) == ["xinghe-admin", "shequ-admin", "guitai01", "houtai01", "admin"])
        let today = CalendarDate(year: 2026, month: 11, day: 21)!
        for person in demo.persons {
            #expect(PersonRecordCheck.problems(person, reference: reference, today: today).isEmpty, "\(person.name)")
        }
        #expect(demo.persons.filter(\.holdsThirdGenerationCard).map(\.name) == ["吴德明"])
        #expect(demo.persons.first { $0.name == "郑强" }?.mobile == nil)
        #expect(demo.units[1].collective?.branch == "北京银行朝阳支行")
    }
}
